// A form sent back with its errors (400) or with someone else's newer version (409) replaces the old one.
htmx.config.responseHandling = [
  { code: "204", swap: false },
  { code: "[23]..", swap: true },
  { code: "400|409", swap: true, error: false },
  { code: "[45]..", swap: false, error: true },
];

// Keyboard in the in-place forms: Ctrl+Enter saves, Escape cancels.
document.addEventListener("keydown", (event) => {
  const form = event.target.closest && event.target.closest("form[data-keyboard-form]");
  if (!form) return;
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    form.requestSubmit();
  } else if (event.key === "Escape") {
    const cancel = form.querySelector("[data-cancel]");
    if (cancel) { event.preventDefault(); cancel.click(); }
  }
});
// After htmx puts a form in place, put the cursor in its first field.
document.addEventListener("htmx:afterSwap", (event) => {
  const field = event.detail.target.querySelector && event.detail.target.querySelector("[autofocus]");
  if (field) field.focus();
});

// Behaviour that templates once wrote in on…="" attributes (the Content-Security-Policy runs no inline script).
document.addEventListener("change", (event) => {
  if (event.target.matches && event.target.matches("[data-autosubmit]")) event.target.form.requestSubmit();
});
document.addEventListener("click", (event) => {
  const button = event.target.closest && event.target.closest("[data-copy]");
  if (button) navigator.clipboard.writeText(document.querySelector(button.dataset.copy).value);
});
document.addEventListener("htmx:afterRequest", (event) => {
  const form = event.detail.elt;
  if (event.detail.successful && form.matches && form.matches("form[data-reset-on-success]")) form.reset();
});

// Searchable pickers of people (the pair form): Tom Select over the plain select, which works without it.
document.addEventListener("DOMContentLoaded", () => {
  if (!window.TomSelect) return;
  document.querySelectorAll("select[data-picker]").forEach((select) => {
    const multiple = select.multiple;
    // Tom Select moves the label to its own input: the hidden select keeps its name for assistive technology.
    const label = select.id && document.querySelector(`label[for="${select.id}"]`);
    if (label) select.setAttribute("aria-label", label.textContent.replace("*", "").trim());
    const picker = new TomSelect(select, {
      plugins: multiple ? ["remove_button"] : [],
      maxOptions: 50,
      hideSelected: true,
      closeAfterSelect: !multiple,
      placeholder: select.dataset.placeholder,
      // Every typed word found in the option's text, «ё» as «е» and in any case: «елкин 11а» finds «Ёлкин … — 11А».
      score(search) {
        const fold = (text) => text.toLowerCase().replaceAll("ё", "е");
        const words = fold(search).split(/\s+/).filter(Boolean);
        return (item) => (words.every((word) => fold(item.text).includes(word)) ? 1 : 0);
      },
      render: {
        no_results: () => '<div class="no-results">Никого не нашлось: проверьте фамилию или добавьте человека в реестр</div>',
      },
      // A big school's people are not all in the page: they are asked for as one types (participants:people-search).
      ...(select.dataset.searchUrl ? {
        valueField: "value",
        labelField: "text",
        searchField: ["text"],
        shouldLoad: (query) => query.trim().length > 0,
        load(query, callback) {
          fetch(`${select.dataset.searchUrl}?q=${encodeURIComponent(query)}`, { headers: { Accept: "application/json" } })
            .then((response) => (response.ok ? response.json() : { results: [] }))
            .then((data) => callback(data.results))
            .catch(() => callback());
        },
      } : {}),
    });
    // The label takes the focus to this picker on the press of the button, through Tom Select itself. A browser's
    // label acts on the click, and the picker chosen before closes on the press («blur on a click outside»),
    // moving the page under the pointer: the click never happened, and the next typing landed nowhere — or, with a
    // second click, in the other picker, replacing the mentor.
    document.querySelectorAll(`label[for="${picker.control_input.id}"]`).forEach((pickerLabel) => {
      pickerLabel.addEventListener("mousedown", (event) => {
        event.preventDefault();
        picker.focus();
      });
      pickerLabel.addEventListener("click", (event) => event.preventDefault());
    });
    // The hidden select can't show the browser's «fill in this field» bubble, so «Сохранить» seemed to do nothing:
    // the server says what is missing instead, on the page, keeping what was chosen.
    select.required = false;
  });
});

// «Отметить все»: a check box that checks (or clears) every box its data-check-all selector names.
document.addEventListener("change", (event) => {
  const all = event.target.matches && event.target.matches("[data-check-all]") && event.target;
  if (!all) return;
  document.querySelectorAll(all.dataset.checkAll).forEach((box) => { box.checked = all.checked; });
});

// A box that scrolls sideways (a wide table on a phone) can be scrolled with the keyboard: it takes the focus.
function focusableScrollers(root) {
  root.querySelectorAll(".table-responsive, .overflow-auto, main table.table").forEach((box) => {
    if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
  });
}
document.addEventListener("DOMContentLoaded", () => focusableScrollers(document));
document.addEventListener("htmx:afterSwap", (event) => focusableScrollers(event.detail.target));
window.addEventListener("resize", () => focusableScrollers(document));

// A link shown once (a personal page's address): focusing its field selects it, ready to copy.
document.addEventListener("focusin", (event) => {
  if (event.target.matches && event.target.matches("[data-select-on-focus]")) event.target.select();
});
