-- Version 7: the file's own identity and a count of saved changes. The
-- identity tells a journal (-wal) left beside another copy of the file from
-- one that belongs to it; every copy Orchard writes gets a new one. The
-- count lets each process notice what another process saved.
CREATE TABLE workspace_file (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    file_id    TEXT    NOT NULL,
    change_seq INTEGER NOT NULL DEFAULT 0
);
INSERT INTO workspace_file(id, file_id, change_seq) VALUES (1, lower(hex(randomblob(16))), 0);
