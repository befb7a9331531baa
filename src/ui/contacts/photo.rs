//! Contact photos: a picked or pasted image is scaled down in the browser to at most
//! [`MAX_SIDE`] pixels and stored as JPEG, so a phone photo of several megabytes becomes a
//! few kilobytes before it ever reaches the database.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, File, HtmlCanvasElement, HtmlImageElement, Url};

/// Longest side of a stored photo, in pixels.
pub const MAX_SIDE: f64 = 256.0;
/// JPEG quality: small files, faces still recognisable.
const QUALITY: f64 = 0.85;

/// Why an image could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhotoError {
    /// Not an image file.
    NotAnImage,
    /// The browser could not read the image.
    Unreadable,
}

/// The scaled photo as (mime type, base64 data).
pub async fn scale(file: &File) -> Result<(String, String), PhotoError> {
    if !file.type_().starts_with("image/") {
        return Err(PhotoError::NotAnImage);
    }
    let url = Url::create_object_url_with_blob(file).map_err(|_| PhotoError::Unreadable)?;
    let result = scale_url(&url, false).await;
    let _ = Url::revoke_object_url(&url);
    result.and_then(|scaled| scaled.ok_or(PhotoError::Unreadable))
}

/// An imported photo (`data` base64) scaled like a picked one; `None` when it is no larger
/// than [`MAX_SIDE`] already, so that it is kept as it is: re-encoding a small JPEG would
/// only lose quality, and Netzweber's own vCards re-import with the same bytes.
pub async fn scale_imported(
    mime: &str,
    data: &str,
) -> Result<Option<(String, String)>, PhotoError> {
    scale_url(&data_url(mime, data), true).await
}

async fn scale_url(url: &str, keep_small: bool) -> Result<Option<(String, String)>, PhotoError> {
    let fail = |_: JsValue| PhotoError::Unreadable;
    let img = HtmlImageElement::new().map_err(fail)?;
    img.set_src(url);
    JsFuture::from(img.decode()).await.map_err(fail)?;
    let (w, h) = (
        f64::from(img.natural_width()),
        f64::from(img.natural_height()),
    );
    if w < 1.0 || h < 1.0 {
        return Err(PhotoError::Unreadable);
    }
    if keep_small && w.max(h) <= MAX_SIDE {
        return Ok(None);
    }
    let factor = (MAX_SIDE / w.max(h)).min(1.0);
    let (tw, th) = ((w * factor).round().max(1.0), (h * factor).round().max(1.0));
    let canvas: HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(fail)?
        .unchecked_into();
    canvas.set_width(tw as u32);
    canvas.set_height(th as u32);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(fail)?
        .ok_or(PhotoError::Unreadable)?
        .unchecked_into();
    // JPEG has no transparency: a transparent PNG would turn black without a background.
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, tw, th);
    ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, tw, th)
        .map_err(fail)?;
    let data_url = canvas
        .to_data_url_with_type_and_encoder_options("image/jpeg", &JsValue::from_f64(QUALITY))
        .map_err(fail)?;
    let data = data_url
        .split_once(',')
        .map(|(_, d)| d.to_string())
        .ok_or(PhotoError::Unreadable)?;
    Ok(Some(("image/jpeg".to_string(), data)))
}

fn document() -> web_sys::Document {
    leptos::prelude::document()
}

/// A `data:` URL for showing a stored photo.
pub fn data_url(mime: &str, data: &str) -> String {
    format!("data:{mime};base64,{data}")
}
