package io.sequela.populate;

/** A small model using every generator, for tests. */
final class TestModels {

  private TestModels() {}

  static final String ALL_GENERATORS = """
      seed = 7
      tables {
        parent {
          rows = 1000
          primary-key = [id]
          columns = [
            { name = id,    type = bigint,             gen = sequence, start = 10, step = 3 }
            { name = code,  type = text,               gen = sequence, start = 0, cycle = 20, format = "host_%06d" }
            { name = small, type = integer,            gen = uniform, min = -2, max = 2 }
            { name = ratio, type = "double precision", gen = uniform, min = -1.5, max = 2.5 }
            { name = gauss, type = "double precision", gen = normal, mean = 50, stddev = 10 }
            { name = color, type = "varchar(8)",       gen = categorical, values = [red, green, blue], weights = [5, 3, 2] }
            { name = rank,  type = bigint,             gen = zipf, n = 100, exponent = 1.1 }
            { name = at,    type = timestamptz,        gen = timestamp, start = "2017-01-01 00:00:00", step = 10s, groups = 20 }
            { name = local, type = timestamp,          gen = timestamp, start = "2020-02-29 23:59:59.5", step = 250ms }
            { name = u4,    type = uuid,               gen = uuid, version = 4 }
            { name = u7,    type = uuid,               gen = uuid, version = 7, start = "2024-01-01 00:00:00", step = 1ms }
            { name = u1,    type = uuid,               gen = uuid, version = 1 }
            { name = word,  type = "varchar(12)",      gen = string, alphabet = "ab\\\\\\tc\\u00e9", min-length = 0, max-length = 12 }
          ]
        }
        child {
          rows = 500
          columns = [
            { name = parent_id, type = bigint, gen = ref, table = parent, column = id }
            { name = parent_u,  type = uuid,   gen = ref, table = parent, column = u4 }
          ]
        }
      }
      """;

  static Model allGenerators() {
    return ModelLoader.parseString(ALL_GENERATORS);
  }
}
