import { solveAssignment } from '../src/features/review/assignment.ts';
import { tagInstance, toInstance } from '../src/features/review/assignment.reference.ts';
const [S, R] = process.argv.slice(2).map(Number);
const p = tagInstance(42, S, R, 3, { capMin: 30, capMax: 40, pConflict: 0.02, tags: 60 });
const inst = toInstance(p, true); if (process.env.L) inst.candidatesPerSubmission = Number(process.env.L);
const t0 = performance.now();
const res = solveAssignment(inst);
console.log('ms', (performance.now() - t0).toFixed(0), res.objective);
