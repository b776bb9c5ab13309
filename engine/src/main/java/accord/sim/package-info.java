/**
 * Stage 5, the simulation. Input: a {@code Program} and a {@link accord.sim.Scenario}. Output:
 * {@link accord.sim.Results}, one row per period. Invariant: period 1 holds the initial values
 * and is not solved (the sfcr convention); known series come from the first row, the exogenous
 * paths and the scenario's changes, never from the solver.
 */
package accord.sim;
