/**
 * Stage 2, the model. Input: statements from {@code lang} (with includes read). Output: a
 * {@link accord.model.Model}: flat slots (one per scalar series), flat equations over slots
 * ({@link accord.model.Expr}, index sets expanded, names resolved, lags known), checks, closures,
 * the first row and the exogenous paths. Invariants: every name resolves or is reported with a
 * did-you-mean; each variable is on the left of at most one equation.
 */
package accord.model;
