#pragma once
// The workspace database's schema, as an ordered list of migrations.
// PRAGMA user_version holds how many have been applied; a database from a newer
// KernelForge (a higher version) is refused rather than misread.
#include "store/sqlite.h"

namespace kforge {

int latestSchemaVersion();
// Applies the missing migrations, each in its own transaction. Returns the version now.
int migrate(Database& db);

}  // namespace kforge
