/**
 * Compatibility on publish: the candidate is compared with the published versions
 * of its API under the domain's compatibility mode (BACKWARD by default, the
 * *_TRANSITIVE modes against every version of the same major), and its version
 * bump must match its changes (breaking: major, additive: minor). A refusal is
 * 409 with every change; an accepted version stores its changes against the
 * predecessor as its changelog. A new major may break its predecessor, and both
 * majors stay published side by side.
 */
import { Injectable } from '@nestjs/common';
import { assessCompatibility, type CompatibilityMode, isCompatibilityMode } from '../../core/compat';
import { CharterError } from '../../platform/problems/charter.error';
import { changeView } from '../change-view';
import type { PublishContext, PublishGate, PublishGateResult } from '../publish-gate';

@Injectable()
export class CompatibilityGate implements PublishGate {
  readonly name = 'compatibility';

  async check(ctx: PublishContext): Promise<PublishGateResult> {
    const live = await ctx.liveVersions();
    const setting = (ctx.domain.settings as { apis?: Record<string, { compatibility?: unknown }> }).apis?.[ctx.apiKey]?.compatibility;
    const mode: CompatibilityMode = isCompatibilityMode(setting)
      ? setting
      : isCompatibilityMode(ctx.domain.compatibility)
        ? ctx.domain.compatibility
        : 'BACKWARD';
    const name = `${ctx.domain.key}/${ctx.apiKey}`;
    const verdict = assessCompatibility({
      mode,
      candidate: { version: ctx.contract.version, document: ctx.contract.document, file: `${name}@${ctx.contract.version}` },
      published: live.map((v) => ({ version: v.version, document: v.document, file: `${name}@${v.version}` })),
    });
    if (verdict.ok) {
      return { changelog: verdict.changes.map(changeView) };
    }

    const failing = verdict.checks.filter((c) => c.breaking);
    if (failing.length > 0) {
      const changes = failing.flatMap((c) =>
        c.changes.filter((x) => x.level === 'breaking').map((x) => ({ ...changeView(x), against: c.version, direction: c.direction })),
      );
      throw new CharterError(
        'BREAKING_CHANGE',
        `Version ${ctx.contract.version} breaks ${failing.map((c) => `${c.version} (${c.direction})`).join(', ')} under ${mode}: ${changes.length} breaking change(s). Publish it as a new major version instead.`,
        { mode, changes },
      );
    }
    throw new CharterError('SEMVER_VIOLATION', verdict.semver?.message ?? `Version ${ctx.contract.version} does not follow semver rules.`, {
      mode,
      predecessor: verdict.predecessor,
      required: verdict.semver?.required,
      actual: verdict.semver?.actual,
      changes: verdict.changes.map(changeView),
    });
  }
}
