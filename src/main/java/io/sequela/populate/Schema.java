package io.sequela.populate;

/** What the populator does to the schema before loading. */
public enum Schema {
  /** Drop each model table if it exists, create it, load, then add its primary key and indexes. */
  CREATE,
  /** The tables exist already (a DBA created them): only load rows. */
  NONE
}
