//! "Add from phone contacts": the browser's Contact Picker (Chrome on Android), where it
//! exists. The people picked become a vCard file for the import, so they meet the same
//! checks, duplicate rules and preview as any file.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::interop::phone_contacts::{picked_as_vcard, Picked};

fn navigator() -> JsValue {
    web_sys::window()
        .map(|w| w.navigator().into())
        .unwrap_or(JsValue::UNDEFINED)
}

/// Whether this browser lets the user pick people from the device's address book.
pub fn supported() -> bool {
    let window: JsValue = web_sys::window()
        .map(Into::into)
        .unwrap_or(JsValue::UNDEFINED);
    js_sys::Reflect::has(&window, &"ContactsManager".into()).unwrap_or(false)
        && js_sys::Reflect::has(&navigator(), &"contacts".into()).unwrap_or(false)
}

fn strings(item: &JsValue, key: &str) -> Vec<String> {
    js_sys::Reflect::get(item, &key.into())
        .ok()
        .filter(js_sys::Array::is_array)
        .map(|v| {
            js_sys::Array::from(&v)
                .iter()
                .filter_map(|s| s.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Opens the picker; the people chosen (none when the user cancels), or the browser's
/// message when it refuses.
pub async fn pick() -> Result<Vec<Picked>, String> {
    let message = |e: JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "the contact picker failed".into())
    };
    let contacts = js_sys::Reflect::get(&navigator(), &"contacts".into()).map_err(message)?;
    let select: js_sys::Function = js_sys::Reflect::get(&contacts, &"select".into())
        .map_err(message)?
        .dyn_into()
        .map_err(message)?;
    let wanted = js_sys::Array::of3(&"name".into(), &"email".into(), &"tel".into());
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"multiple".into(), &true.into()).map_err(message)?;
    let promise: js_sys::Promise = select
        .call2(&contacts, &wanted, &options)
        .map_err(message)?
        .dyn_into()
        .map_err(message)?;
    let chosen = JsFuture::from(promise).await.map_err(message)?;
    if !js_sys::Array::is_array(&chosen) {
        return Ok(Vec::new());
    }
    Ok(js_sys::Array::from(&chosen)
        .iter()
        .map(|item| Picked {
            names: strings(&item, "name"),
            emails: strings(&item, "email"),
            phones: strings(&item, "tel"),
        })
        .collect())
}

/// The people as a vCard file named for the import's messages.
pub fn as_file(people: &[Picked], name: &str) -> Option<web_sys::File> {
    let parts = js_sys::Array::of1(&picked_as_vcard(people).into());
    web_sys::File::new_with_str_sequence(&parts, name).ok()
}
