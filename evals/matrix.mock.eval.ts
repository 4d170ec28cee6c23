// The model matrix offline: model_matrix.mock.yaml rendered through template.yaml, one test per
// entry (`demo › <name>`), answered by the MSW mocks. Outputs: runs/litellm_mock_matrix/.
import { defineMatrixSuite } from 'evalmatrix/vitest';

defineMatrixSuite({ matrix: './model_matrix.mock.yaml', template: './template.yaml' });
