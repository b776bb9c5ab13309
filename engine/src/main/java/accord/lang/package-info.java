/**
 * Stage 1, the language. Input: model text. Output: a syntax tree ({@link accord.lang.Ast}) whose
 * every node carries its source span, and diagnostics ({@link accord.lang.Diagnostic}) for every
 * syntax error found (the parser recovers at the next line). Invariant: nothing here knows what a
 * name means; {@link accord.lang.Diagnostic#render()} is the one place errors are formatted.
 */
package accord.lang;
