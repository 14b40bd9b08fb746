import { z } from 'zod';

/**
 * The metadata `plandiff clean --json` prints beside a page's text. Two dates are kept apart:
 * `publishedOn`, when the site posted the page, and `issuedOn`, the notice's own date line (its
 * signing date, 二〇一二年二月九日 under the issuer); `date` is the best single one (the posting
 * date, else the signing date) for callers that want one.
 */
export const CleanOutputSchema = z.object({
  text: z.string(),
  title: z.string().nullable(),
  date: z.iso.date().nullable(),
  publishedOn: z.iso.date().nullable(),
  issuedOn: z.iso.date().nullable(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  attachments: z.array(z.object({ name: z.string(), url: z.string() })),
  encoding: z.string().optional(),
});

/** What `clean --json` prints. */
export type CleanOutput = z.infer<typeof CleanOutputSchema>;
