package io.sequela.populate;

/**
 * One column of a model table.
 *
 * @param name the column name as written in SQL
 * @param type its SQL type
 * @param generator how its values are made
 */
public record Column(String name, SqlType type, Generator generator) {}
