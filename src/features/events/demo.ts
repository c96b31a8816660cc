export const seedEventsDemo = async (..._a: unknown[]) => {};
