//! The Storage API: usage, quota and persistence of this site's data.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{StorageEstimate, StorageManager};

use super::StorageError;
use crate::domain::storage_status::StorageStatus;

fn manager() -> Option<StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older Safari and some embedded browsers lack navigator.storage entirely.
    let has = js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false);
    has.then(|| navigator.storage())
}

async fn await_promise(
    p: Result<js_sys::Promise, wasm_bindgen::JsValue>,
) -> Option<wasm_bindgen::JsValue> {
    JsFuture::from(p.ok()?).await.ok()
}

/// Asks the browser for usage, quota and persistence. Figures it will not give are `None`.
pub async fn storage_status() -> StorageStatus {
    let Some(manager) = manager() else {
        return StorageStatus::default();
    };
    let persisted = await_promise(manager.persisted())
        .await
        .and_then(|v| v.as_bool());
    let estimate = await_promise(manager.estimate())
        .await
        // A WebIDL dictionary is a plain object, so `dyn_into` (instanceof) would fail.
        .map(|v| v.unchecked_into::<StorageEstimate>());
    let (usage, quota) = estimate
        .map(|e| (e.get_usage(), e.get_quota()))
        .unwrap_or((None, None));
    StorageStatus {
        persisted,
        usage: usage.map(|u| u as u64),
        quota: quota.map(|q| q as u64),
    }
}

/// Asks the browser to keep this site's data even under storage pressure.
/// Returns whether it agreed; browsers may decide silently (Chromium grants it to
/// installed or often-used sites, Firefox asks the user).
pub async fn request_persistence() -> Result<bool, StorageError> {
    let manager = manager().ok_or(StorageError::Unavailable)?;
    let promise = manager
        .persist()
        .map_err(|e| StorageError::Other(format!("{e:?}")))?;
    let granted = JsFuture::from(promise)
        .await
        .map_err(|e| StorageError::Other(format!("{e:?}")))?;
    Ok(granted.as_bool().unwrap_or(false))
}

/// Whether the browser already promised to keep this site's data.
pub async fn is_persisted() -> Result<bool, StorageError> {
    let manager = manager().ok_or(StorageError::Unavailable)?;
    let answer = await_promise(manager.persisted())
        .await
        .ok_or_else(|| StorageError::Other("persisted() failed".into()))?;
    Ok(answer.as_bool().unwrap_or(false))
}
