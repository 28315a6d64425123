//! Where the signing key lives: the OS keychain through `keyring` (Secret Service on Linux,
//! Keychain on macOS, Credential Manager on Windows) — the app layer's one platform-specific
//! piece. Never SQLite, never a file.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// Tijdig's service name in the keychain.
const SERVICE: &str = "nl.tijdig.desktop";

/// The keychain could not be used (locked, absent, refused); the text is for the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VaultError(pub String);

/// A place for secrets, by account name.
pub trait KeyVault: Send + Sync {
    /// The secret, `None` when there is no such entry.
    fn get(&self, account: &str) -> Result<Option<Vec<u8>>, VaultError>;
    fn set(&self, account: &str, secret: &[u8]) -> Result<(), VaultError>;
}

/// The operating system's keychain. Its connection is made once per process: if there is no
/// keychain service at all when Tijdig first asks, a restart is needed after starting one; a
/// locked keychain is asked again on every retry.
pub struct OsKeychain;

impl KeyVault for OsKeychain {
    fn get(&self, account: &str) -> Result<Option<Vec<u8>>, VaultError> {
        let entry = keyring::Entry::new(SERVICE, account).map_err(|e| VaultError(e.to_string()))?;
        match entry.get_secret() {
            Ok(secret) => Ok(Some(secret)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(VaultError(e.to_string())),
        }
    }

    fn set(&self, account: &str, secret: &[u8]) -> Result<(), VaultError> {
        keyring::Entry::new(SERVICE, account)
            .and_then(|entry| entry.set_secret(secret))
            .map_err(|e| VaultError(e.to_string()))
    }
}

/// Secrets in memory, for the in-memory Tijdig of tests; can play a locked keychain.
#[derive(Default)]
pub struct MemoryVault {
    secrets: Mutex<HashMap<String, Vec<u8>>>,
    locked: AtomicBool,
}

impl MemoryVault {
    /// Makes every call fail as a locked keychain does (or work again).
    pub fn set_locked(&self, locked: bool) {
        self.locked.store(locked, Ordering::Relaxed);
    }

    fn check(&self) -> Result<(), VaultError> {
        if self.locked.load(Ordering::Relaxed) {
            return Err(VaultError("the keychain is locked".into()));
        }
        Ok(())
    }
}

impl KeyVault for MemoryVault {
    fn get(&self, account: &str) -> Result<Option<Vec<u8>>, VaultError> {
        self.check()?;
        let secrets = self.secrets.lock().map_err(|e| VaultError(e.to_string()))?;
        Ok(secrets.get(account).cloned())
    }

    fn set(&self, account: &str, secret: &[u8]) -> Result<(), VaultError> {
        self.check()?;
        let mut secrets = self.secrets.lock().map_err(|e| VaultError(e.to_string()))?;
        secrets.insert(account.to_string(), secret.to_vec());
        Ok(())
    }
}
