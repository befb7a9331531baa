//! Browser entry point: mounts the app. Natively there is nothing to run; the native
//! build exists so that `cargo test` can exercise the domain.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // Compiling and instantiating the module is one browser task and building the app
    // another: together they kept a phone's main thread busy for over 100 ms.
    leptos::prelude::set_timeout(
        || {
            // The loading page of index.html has done its job once the app can render.
            if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
                boot.remove();
            }
            leptos::mount::mount_to_body(netzweber::ui::App);
        },
        std::time::Duration::ZERO,
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Netzweber runs in the browser: see README.md (make serve).");
}
