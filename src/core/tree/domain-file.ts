import { parse } from 'yaml';
import { z } from 'zod';
import { fail, ok, type Result } from '../result';

export const COMPATIBILITY_MODES = [
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
  'NONE',
] as const;
export type CompatibilityMode = (typeof COMPATIBILITY_MODES)[number];

const owner = z
  .object({ team: z.string().min(1).optional(), email: z.string().email().optional(), name: z.string().optional() })
  .refine((o) => o.team || o.email, { message: 'an owner needs a team or an email' });

export const DOMAIN_FILE_SCHEMA = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be kebab-case, e.g. "dispatch"'),
    name: z.string().min(1),
    description: z.string().optional(),
    owners: z.array(owner).min(1, 'a domain needs at least one owner'),
    compatibility: z.enum(COMPATIBILITY_MODES).optional(),
    upstream: z.string().url().optional(),
    auth: z
      .object({
        jwt: z
          .object({
            issuer: z.string().optional(),
            audience: z.union([z.string(), z.array(z.string())]).optional(),
            jwksUri: z.string().url().optional(),
            secretEnv: z.string().regex(/^[A-Z][A-Z0-9_]*$/).optional(),
            clockSkewSeconds: z.number().int().min(0).max(600).optional(),
          })
          .optional(),
      })
      .optional(),
    correlation: z.object({ required: z.boolean().optional() }).optional(),
  })
  .passthrough();

export type DomainFile = z.infer<typeof DOMAIN_FILE_SCHEMA>;

/** Parses and validates a domain.yaml; every problem names its field. */
export function parseDomainFile(text: string, file: string, expectedKey?: string): Result<DomainFile> {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 100 });
  } catch (err) {
    return fail({ code: 'PARSE_ERROR', message: (err as Error).message, source: { file, pointer: '' } });
  }
  const parsed = DOMAIN_FILE_SCHEMA.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        code: 'SCHEMA_VIOLATION' as const,
        message: issue.message,
        source: { file, pointer: '/' + issue.path.join('/') },
      })),
    };
  }
  if (expectedKey !== undefined && parsed.data.key !== expectedKey) {
    return fail({
      code: 'SCHEMA_VIOLATION',
      message: `key "${parsed.data.key}" must equal its folder name "${expectedKey}"`,
      source: { file, pointer: '/key' },
    });
  }
  return ok(parsed.data);
}
