import type { Ctx, DemoRefs } from '../../platform/http/types.js';

export async function seedCallsDemo(_ctx: Ctx, _refs: DemoRefs) {}
