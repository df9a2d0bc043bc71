// Remission times (weeks) of the 6-MP leukaemia trial, Freireich et al. (1963, Blood 21:699),
// as tabulated by Gehan (1965, Biometrika 52:203); "+" marks censoring. Test data only.
function parse(spec: string): { time: number[]; event: number[] } {
  const items = spec.split(',');
  return { time: items.map((v) => parseFloat(v)), event: items.map((v) => (v.endsWith('+') ? 0 : 1)) };
}

export const sixMp = parse('6,6,6,6+,7,9+,10,10+,11+,13,16,17+,19+,20+,22,23,25+,32+,32+,34+,35+');
export const placebo = parse('1,1,2,2,3,4,4,5,5,8,8,8,8,11,11,12,12,15,17,22,23');
