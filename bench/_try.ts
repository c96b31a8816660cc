import { solveAssignment } from '../src/features/review/assignment.ts';
import { tagInstance, toInstance, highsObjectiveLp, violations } from '../src/features/review/assignment.reference.ts';
let bad = 0;
for (let seed = 1; seed <= 40; seed++) {
  const S = 5 + seed * 3, R = 3 + (seed % 11), k = 1 + (seed % 3);
  const p = tagInstance(seed, S, R, k, { capMin: Math.ceil(S*k/R), capMax: Math.ceil(S*k/R)+3, pConflict: 0.15, pins: seed % 4, decimals: seed % 2 ? 2 : undefined });
  let ours: number | null = null; let v: string[] = [];
  const inst = toInstance(p, seed % 3 === 0); inst.candidatesPerSubmission = 1 + (seed % 4);
  try { const res = solveAssignment(inst); ours = res.objective; v = violations(p, res); } catch (e) { if ((e as Error).name !== 'AssignmentInfeasibleError') throw e; }
  const h = await highsObjectiveLp(p);
  const ok = v.length === 0 && ((ours === null && h === null) || (ours !== null && h !== null && Math.abs(ours - h) < 1e-6 * Math.max(1, Math.abs(h))));
  if (!ok) { bad++; console.log(seed, S, R, k, ours, h, v); }
}
console.log('bad', bad);
