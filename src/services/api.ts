// Typed calls to the cloud functions. Parses what it sends and what it gets with the shared contract,
// so a malformed answer is caught here rather than as a blank page.
import { findActionContract, type ActionInput, type ActionName, type ActionOutput, type FunctionName } from '@/contracts';
import { ERROR_CODES, errorSchema, issuesFromZod, type ErrorCode, type ErrorIssue } from '@/contracts/core';
import { createTransport, TransportError, type Transport } from './transport';

export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

let transport: Transport | undefined;

/** Tests may swap the transport (e.g. to call the gateway in-process). */
export function setTransport(next: Transport | undefined): void {
  transport = next;
}


export async function call<F extends FunctionName, A extends ActionName<F>>(
  functionName: F,
  action: A,
  input: ActionInput<F, A>,
): Promise<ActionOutput<F, A>> {
  const contract = findActionContract(functionName, action);
  if (!contract) throw new ApiCallError('UNKNOWN_ACTION', ERROR_CODES.UNKNOWN_ACTION);
  const parsedInput = contract.input.safeParse(input);
  if (!parsedInput.success) {
    const issues = issuesFromZod(parsedInput.error);
    throw new ApiCallError('VALIDATION_FAILED', `${ERROR_CODES.VALIDATION_FAILED}：${issues[0]?.message ?? ''}`, issues);
  }

  let answer: unknown;
  try {
    transport ??= createTransport();
    answer = await transport.send(functionName, { action, input: parsedInput.data });
  } catch (error) {
    if (error instanceof TransportError) throw new ApiCallError('NETWORK', '网络连接失败，请检查网络后重试');
    throw error;
  }

  if (answer && typeof answer === 'object' && 'ok' in answer) {
    if (answer.ok === true && 'data' in answer) {
      const output = contract.output.safeParse(answer.data);
      if (output.success) return output.data as ActionOutput<F, A>;
    } else if (answer.ok === false && 'error' in answer) {
      const error = errorSchema.safeParse(answer.error);
      if (error.success) throw new ApiCallError(error.data.code, error.data.message, error.data.issues);
    }
  }
  throw new ApiCallError('INTERNAL', '服务返回了无法识别的数据，请稍后重试');
}
