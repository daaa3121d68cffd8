// The console's few scripts, served from 'self': its Content-Security-Policy allows no inline script.

// A last "are you sure?" before forms that remove something; without JavaScript they simply submit.
document.addEventListener("submit", (event) => {
  const question = event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});

// "Copy setup steps" beside a newly issued token.
document.querySelectorAll("[data-copy]").forEach((button) => button.addEventListener("click", async () => {
  const text = document.getElementById(button.dataset.copy).textContent;
  const status = document.getElementById("copy-status");
  try { await navigator.clipboard.writeText(text); status.textContent = "Copied."; }
  catch { status.textContent = "Select the text and copy it with Ctrl+C."; }
}));
