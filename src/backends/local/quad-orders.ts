// The six sort orders of the quad index and, for each of the 16 bound/unbound patterns, the order that answers it by one range.

/** Quad positions as row columns: a row is [s, p, o, g]. */
const S = 0;
const P = 1;
const O = 2;
const G = 3;

/**
 * Every subset of {s, p, o, g} is a prefix of one of these, so every pattern is a single binary-searched range
 * with no filtering and countQuads is exact from range sizes. Six is the least that can do it: the six
 * two-position subsets (sp, po, og, gs, gp, os) each need an order of their own. Each order stores full rows
 * (16 bytes a quad), so the six cost 96 bytes a quad; four orders with a graph filter would cost 64 but make
 * counts with a bound graph a scan.
 */
const orders: ReadonlyArray<readonly [number, number, number, number]> = [
  [S, P, O, G],
  [P, O, G, S],
  [O, G, S, P],
  [G, S, P, O],
  [G, P, S, O],
  [O, S, P, G],
];

/** For a bitmask of bound positions (bit i for column i), the order whose prefix is exactly those positions. */
const orderForBound: readonly number[] = Array.from({ length: 16 }, (_, mask) => {
  const bound = [S, P, O, G].filter((column) => mask & (1 << column)).length;
  const index = orders.findIndex((order) => order.slice(0, bound).every((column) => mask & (1 << column)));
  if (index < 0) throw new Error(`no quad order covers bound mask ${mask}`);
  return index;
});

export const quadOrders = { orders, orderForBound };
