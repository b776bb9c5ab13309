/**
 * Stage 6, the accounts. Input: {@code Results}. Output: the list of broken identities
 * ({@link accord.accounts.Violation}): every row and column of every declared matrix and every
 * hidden equation, in every solved period, to a relative 1e-9. Invariant: reads results only.
 */
package accord.accounts;
