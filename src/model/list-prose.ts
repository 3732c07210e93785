/**
 * The clause lists add after a party's name to extend a listing to its successors and parts
 * ("…, and any successor, sub-unit, or subsidiary thereof", "…, and its sub-units and successors"):
 * prose of the list, not part of the name. The importer drops it from the names it records, and the
 * matcher from the names it is given, so a name copied from a list with its clause still meets it.
 */
export const SUCCESSOR_CLAUSE = /[,;]?\s*(?:and|including)\s+(?:any|its|all)\s+(?:successors?|sub-units?|subsidiar(?:y|ies)|subordinate)\b.*$/i;
