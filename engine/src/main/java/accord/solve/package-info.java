/**
 * Stage 4, the solver. Input: a {@code BlockStructure}. Output: a {@link accord.solve.Program}
 * that solves one period in place. Invariants: programs are immutable and thread-safe (per-call
 * state lives in a {@link accord.solve.Workspace}); Jacobians are exact (symbolic partials
 * chained through assignments); a block either converges to the tolerance or fails with a report
 * naming the period, block, variables and residual, never a silent NaN.
 */
package accord.solve;
