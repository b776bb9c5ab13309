package accord.model;

/** What a series is, as declared (a closure may swap exogenous and endogenous). */
public enum Kind { PARAM, EXOGENOUS, ENDOGENOUS }
