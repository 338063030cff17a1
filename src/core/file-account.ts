/** Per-file row accounting, as published in report.json and on the data-quality page. */
export interface FileAccount {
  file: string;
  present: boolean;
  read: number;
  accepted: number;
  rejected: number;
  encoding?: string;
  delimiter?: string;
  ms: number;
}
