//! Handing text to the user: as a downloaded file, or on the clipboard.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::storage::StorageError;

/// Offers `text` to the user as a downloaded file of type `mime`.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), StorageError> {
    let err = |e: JsValue| StorageError::Other(format!("{e:?}"));
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let anchor: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(err)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The browser has the blob once the download started; free it a moment later.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Puts `text` on the clipboard; `Err` carries the browser's reason (no permission, not
/// a secure context).
pub async fn copy(text: &str) -> Result<(), String> {
    let promise = window().navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
}
