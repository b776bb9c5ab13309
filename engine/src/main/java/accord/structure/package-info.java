/**
 * Stage 3, the structure. Input: a {@code Model} and a closure. Output: a
 * {@link accord.structure.BlockStructure}: blocks in solve order (dependencies first), each
 * explicit or simultaneous with its tear variables. Invariants: the matching is perfect (or the
 * model is rejected naming the equations and variables involved); every block reads only
 * variables of earlier blocks, its tears and earlier assignments of its own.
 */
package accord.structure;
