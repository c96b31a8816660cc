export async function seedGroupsDemo() {}
