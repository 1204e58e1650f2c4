// Schema version 1: plans with their categories, indicators, yearly values, actions, tasks, departments (科室)
// and the append-only change log.
export default /* sql */ `
CREATE TABLE department (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE plan (
  id           INTEGER PRIMARY KEY,
  title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
  short_name   TEXT NOT NULL UNIQUE CHECK (length(trim(short_name)) > 0),
  issuers      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(issuers)),
  doc_number   TEXT,
  issue_date   TEXT,
  first_year   INTEGER NOT NULL,
  last_year    INTEGER NOT NULL,
  base_year    INTEGER,
  target_years TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(target_years)),
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed', 'draft')),
  source_file  TEXT,
  source_text  TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK (first_year <= last_year),
  CHECK (base_year IS NULL OR base_year <= first_year)
);

CREATE TABLE appendix (
  plan_id    INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('indicators', 'actions')),
  label      TEXT NOT NULL,
  title      TEXT NOT NULL,
  PRIMARY KEY (plan_id, kind)
);

CREATE TABLE category (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  sort_order  INTEGER NOT NULL,
  UNIQUE (plan_id, name)
);

CREATE TABLE indicator (
  id              INTEGER PRIMARY KEY,
  plan_id         INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  category_id     INTEGER NOT NULL REFERENCES category(id) ON DELETE RESTRICT,
  seq             TEXT NOT NULL,
  printed_name    TEXT NOT NULL CHECK (length(trim(printed_name)) > 0),
  name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
  unit            TEXT,
  nature          TEXT CHECK (nature IN ('expected', 'binding')),
  direction       TEXT CHECK (direction IN ('increase', 'decrease', 'maintain')),
  target_kind     TEXT NOT NULL DEFAULT 'level' CHECK (target_kind IN ('level', 'yearly_average', 'cumulative')),
  base_year       INTEGER,
  base_text       TEXT,
  base_number     REAL,
  base_comparator TEXT,
  base_decimals   INTEGER,
  base_unit       TEXT,
  base_evaluable  INTEGER NOT NULL DEFAULT 0,
  base_source     TEXT,
  department_id   INTEGER REFERENCES department(id) ON DELETE SET NULL,
  data_source     TEXT,
  remark          TEXT,
  sort_order      INTEGER NOT NULL,
  UNIQUE (plan_id, seq)
);
CREATE INDEX indicator_by_plan ON indicator(plan_id, sort_order);

CREATE TABLE indicator_value (
  indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  year         INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('target', 'actual')),
  text         TEXT NOT NULL,
  number       REAL,
  comparator   TEXT CHECK (comparator IN ('>=', '<=', '>', '<', '=', '~')),
  decimals     INTEGER CHECK (decimals >= 0),
  unit         TEXT,
  evaluable    INTEGER NOT NULL CHECK (evaluable IN (0, 1)),
  note         TEXT,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL,
  PRIMARY KEY (indicator_id, year, kind)
) WITHOUT ROWID;

CREATE TABLE action (
  id            INTEGER PRIMARY KEY,
  plan_id       INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  seq           TEXT NOT NULL,
  name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
  goal          TEXT NOT NULL,
  department_id INTEGER REFERENCES department(id) ON DELETE SET NULL,
  remark        TEXT,
  sort_order    INTEGER NOT NULL,
  UNIQUE (plan_id, seq)
);

CREATE TABLE action_progress (
  action_id  INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
  year       INTEGER NOT NULL,
  text       TEXT NOT NULL,
  status     TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (action_id, year)
) WITHOUT ROWID;

CREATE TABLE task_group (
  id         INTEGER PRIMARY KEY,
  plan_id    INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  seq        TEXT NOT NULL,
  title      TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  UNIQUE (plan_id, seq)
);

CREATE TABLE task (
  id                 INTEGER PRIMARY KEY,
  plan_id            INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  group_id           INTEGER NOT NULL REFERENCES task_group(id) ON DELETE CASCADE,
  seq                TEXT NOT NULL,
  title              TEXT NOT NULL,
  text               TEXT NOT NULL,
  lead_department_id INTEGER REFERENCES department(id) ON DELETE SET NULL,
  deadline           TEXT,
  sort_order         INTEGER NOT NULL,
  UNIQUE (group_id, seq)
);

CREATE TABLE task_cooperator (
  task_id       INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL REFERENCES department(id) ON DELETE CASCADE,
  PRIMARY KEY (task_id, department_id)
) WITHOUT ROWID;

CREATE TABLE task_progress (
  task_id    INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  year       INTEGER NOT NULL,
  text       TEXT NOT NULL,
  status     TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (task_id, year)
) WITHOUT ROWID;

-- Append-only: no foreign keys, so the history of a deleted plan survives it.
CREATE TABLE change_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  plan_id   INTEGER,
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  field     TEXT,
  op        TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
  before    TEXT CHECK (before IS NULL OR json_valid(before)),
  after     TEXT CHECK (after IS NULL OR json_valid(after))
);
CREATE INDEX change_log_by_plan ON change_log(plan_id, id);

CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
`;
