/**
 * The organization's own names in Traditional script. OpenCC's Taiwan phrases
 * turn 互联网 into 網際網路, which is right for running text but not for a
 * proper name: the organization writes itself 世界互聯網大會 in Traditional.
 * Shared by the server and the browser, applied after conversion.
 */
const properNames: Array<[converted: string, own: string]> = [
  ['世界網際網路大會', '世界互聯網大會'],
  ['網際網路之光', '互聯網之光'],
  ['高階諮詢委員會', '高級諮詢委員會'],
];

export const keepProperNames = (s: string) => properNames.reduce((t, [from, to]) => t.replaceAll(from, to), s);
