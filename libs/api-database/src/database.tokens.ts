export const OPEN_DATABASE = Symbol('OPEN_DATABASE');
/** The QueryTimeouts of whole-cohort reads (AGGREGATE_TIMEOUT_MS): aggregates and exports. */
export const QUERY_TIMEOUTS = Symbol('QUERY_TIMEOUTS');
