// Every action of every function in the contract registry, flattened for the security tests.
import { contracts } from '../../src/contracts';
import type { ActionContract } from '../../src/contracts/core';

export interface RegisteredAction {
  /** `function.action` */
  id: string;
  fn: string;
  action: string;
  contract: ActionContract;
}

export const ACTIONS: RegisteredAction[] = Object.entries(contracts).flatMap(([fn, contract]) =>
  Object.entries(contract.actions as Record<string, ActionContract>).map(([action, actionContract]) => ({ id: `${fn}.${action}`, fn, action, contract: actionContract })),
);

/** The top-level field names of an input schema (through optional/nullable/pipe wrappers). */
export function inputKeys(schema: unknown): string[] {
  let def = (schema as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
  for (let i = 0; def && i < 8 && !def.shape; i++) {
    const inner = def.innerType ?? def.in ?? def.schema;
    def = (inner as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
  }
  return def?.shape ? Object.keys(def.shape as object) : [];
}
