/**
 * The gateway enforces what a contract declares (x-charter-rate-limit,
 * x-charter-validation, security): a publish whose policies the gateway could not
 * compile is refused here (422) rather than discovered when the route table is
 * rebuilt. AsyncAPI contracts are not routed, so they pass.
 */
import { Injectable } from '@nestjs/common';
import { compilePolicy } from '../../core/policy';
import { CharterError } from '../../platform/problems/charter.error';
import type { PublishContext, PublishGate } from '../publish-gate';
import { issuesToProblemErrors } from '../registry.errors';

@Injectable()
export class PolicyGate implements PublishGate {
  readonly name = 'gateway-policies';

  // async although nothing is awaited: the refusal below must reach the caller as a rejection.
  // eslint-disable-next-line @typescript-eslint/require-await
  async check(ctx: PublishContext): Promise<void> {
    if (ctx.contract.kind !== 'openapi') {
      return;
    }
    const plan = compilePolicy(ctx.contract.document);
    if (!plan.ok) {
      throw new CharterError('INVALID_CONTRACT', 'The gateway policies this contract declares cannot be compiled.', {
        errors: issuesToProblemErrors(plan.errors),
      });
    }
  }
}
