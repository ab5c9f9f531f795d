/** Injection tokens shared across modules. Symbols, because this code base does not rely on emitted type metadata. */
export const CONFIG = Symbol('ringwatch.config');
/** The opened database as a whole (see DatabaseModule); repositories inject the three below. */
export const DATABASE = Symbol('ringwatch.neo4j');
export const NEO4J_DRIVER = Symbol('ringwatch.neo4j.driver');
export const NEO4J_DATABASE = Symbol('ringwatch.neo4j.database');
export const CYPHER = Symbol('ringwatch.cypher.registry');
