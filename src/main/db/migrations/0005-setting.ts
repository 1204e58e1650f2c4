// Schema version 5: settings kept in the database itself (so a restored backup brings them back), e.g. how many
// rolling backups to keep (`backup.keep`). Values are JSON; a missing key means the built-in default.
export default /* sql */ `
CREATE TABLE setting (
  key   TEXT PRIMARY KEY CHECK (length(trim(key)) > 0),
  value TEXT NOT NULL CHECK (json_valid(value))
);
`;
