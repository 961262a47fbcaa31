package sqlite

// SetBackupHook lets the external tests watch a backup being made.
func SetBackupHook(f func(path string)) { backupHook = f }
