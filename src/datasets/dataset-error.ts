// A problem with a dataset as a whole (a folder where a file should be, no rows at all, a
// mapping that names a column the file does not have): not one bad row but a reason the case
// cannot mean anything. The loader throws it; the runner fails the case with its message.
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
}
