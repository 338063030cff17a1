/**
 * Reads a V8 `.cpuprofile` (node --cpu-prof) and lists the functions with the most self time,
 * merged by function name and source location, plus self time per source file.
 */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  name: string;
  where: string;
  ms: number;
  share: number;
}

function shortUrl(url: string, root: string): string {
  const path = url.replace(/^file:\/\//, '');
  if (path.startsWith(root)) return path.slice(root.length).replace(/^\//, '');
  return path || '(native)';
}

export async function hotSpots(path: string, root: string, top = 15): Promise<{ functions: HotSpot[]; files: HotSpot[]; totalMs: number }> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const functions = new Map<string, HotSpot>();
  const files = new Map<string, HotSpot>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = shortUrl(url, root);
    const where = url ? `${file}:${lineNumber + 1}` : '';
    const name = functionName || '(anonymous)';
    const key = `${name}@${where}`;
    const f = functions.get(key) ?? { name, where, ms: 0, share: 0 };
    f.ms += us / 1000;
    functions.set(key, f);
    const g = files.get(file) ?? { name: file, where: file, ms: 0, share: 0 };
    g.ms += us / 1000;
    files.set(file, g);
  }
  const ranked = (list: Iterable<HotSpot>) =>
    [...list]
      .map((h) => ({ ...h, share: totalUs > 0 ? (h.ms * 1000) / totalUs : 0 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top);
  return { functions: ranked(functions.values()), files: ranked(files.values()), totalMs: totalUs / 1000 };
}
