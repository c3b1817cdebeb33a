// Forms that say what is happening and lose nothing. Progressive enhancement: without this file
// every form still works, and the server checks everything again.
// - A form marked data-sends-once cannot be sent twice: the pressed button says it is sending.
// - A file input carrying the server's limits (data-max-bytes, data-endings, data-max-files)
//   leaves out, before anything is uploaded, the files the server would refuse, saying why.
// - Large uploads show their progress: the form goes by XMLHttpRequest and its answer is shown
//   as the browser would have shown it.
// - A reply form (data-reply-form) puts the reply in the thread at once, marked if sending failed.
(function () {
  "use strict";
  var LARGE_UPLOAD_BYTES = 1024 * 1024;

  function ending(name) {
    var dot = name.lastIndexOf(".");
    return dot > 0 ? name.slice(dot).toLowerCase() : "";
  }

  function clientErrors(input) {
    var id = input.id + "_client_error";
    var list = document.getElementById(id);
    if (!list) {
      list = document.createElement("ul");
      list.className = "field__errors";
      list.id = id;
      list.setAttribute("role", "alert");
      input.insertAdjacentElement("afterend", list);
      var described = (input.getAttribute("aria-describedby") || "").split(" ");
      described.push(id);
      input.setAttribute("aria-describedby", described.join(" ").trim());
    }
    return list;
  }

  function showProblems(input, problems) {
    var list = clientErrors(input);
    list.textContent = "";
    if (problems.length) problems.push(input.dataset.leftOut);
    problems.forEach(function (text) {
      var item = document.createElement("li");
      item.textContent = text;
      list.appendChild(item);
    });
    list.hidden = !problems.length;
  }

  function checkFiles(input) {
    if (!window.DataTransfer) return;
    var maxBytes = Number(input.dataset.maxBytes);
    var endings = input.dataset.endings.split(" ");
    var kept = input.form ? input.form.querySelectorAll(".kept-uploads__item").length : 0;
    var room = Number(input.dataset.maxFiles) - kept;
    var chosen = new DataTransfer();
    var problems = [];
    Array.prototype.forEach.call(input.files, function (file) {
      if (file.size > maxBytes) {
        problems.push(input.dataset.tooLarge.replace("{name}", file.name));
      } else if (endings.indexOf(ending(file.name)) === -1) {
        problems.push(input.dataset.wrongType.replace("{name}", file.name));
      } else if (chosen.files.length >= room) {
        if (problems.indexOf(input.dataset.tooMany) === -1) problems.push(input.dataset.tooMany);
      } else {
        chosen.items.add(file);
      }
    });
    if (problems.length) input.files = chosen.files;
    showProblems(input, problems);
  }

  function uploadSize(form) {
    var total = 0;
    form.querySelectorAll("input[type=file]").forEach(function (input) {
      Array.prototype.forEach.call(input.files || [], function (file) { total += file.size; });
    });
    return total;
  }

  function setBusy(form, button, busy) {
    if (busy) form.dataset.sending = "true";
    else delete form.dataset.sending;
    form.querySelectorAll("button[type=submit]").forEach(function (each) {
      if (busy) each.setAttribute("aria-disabled", "true");
      else each.removeAttribute("aria-disabled");
    });
    if (!button || !button.dataset.busyLabel) return;
    if (busy) {
      button.dataset.idleLabel = button.textContent;
      button.textContent = button.dataset.busyLabel;
      button.setAttribute("aria-busy", "true");
    } else if (button.dataset.idleLabel) {
      button.textContent = button.dataset.idleLabel;
      button.removeAttribute("aria-busy");
    }
  }

  function progressBar(form) {
    var bar = form.querySelector(".upload-progress");
    if (!bar) {
      bar = document.createElement("progress");
      bar.className = "upload-progress";
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute("aria-label", form.querySelector("[data-busy-label]").dataset.busyLabel);
      form.querySelector(".form__actions").insertAdjacentElement("afterend", bar);
    }
    return bar;
  }

  // The answer to a form sent in the background, shown as a normal submission would show it:
  // the page it was redirected to, or the form again with its messages.
  function showAnswer(xhr) {
    if (xhr.responseURL) window.history.replaceState(null, "", xhr.responseURL);
    document.open();
    document.write(xhr.responseText);
    document.close();
  }

  function pendingReply(form) {
    var thread = document.getElementById("thread");
    var body = form.querySelector("[name=body]");
    if (!thread || !body || !body.value.trim()) return null;
    var item = document.createElement("li");
    item.className = "message message--pending";
    var header = document.createElement("p");
    header.className = "message__header";
    var author = document.createElement("span");
    author.className = "message__author";
    author.textContent = form.dataset.author;
    var state = document.createElement("span");
    state.className = "message__state";
    state.setAttribute("role", "status");
    state.textContent = form.dataset.sendingLabel;
    header.append(author, " ", state);
    var text = document.createElement("div");
    text.className = "message__body";
    text.textContent = body.value;
    item.append(header, text);
    thread.appendChild(item);
    var empty = document.getElementById("thread-empty");
    if (empty) empty.hidden = true;
    return item;
  }

  function failed(form, button, item) {
    setBusy(form, button, false);
    if (!item) return;
    item.classList.remove("message--pending");
    item.classList.add("message--failed");
    item.querySelector(".message__state").textContent = form.dataset.failedLabel;
  }

  function sendInBackground(form, button) {
    var removing = button && button.name === "remove_upload";
    var item = form.hasAttribute("data-reply-form") && !removing ? pendingReply(form) : null;
    var bar = uploadSize(form) ? progressBar(form) : null;
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action || window.location.href);
    xhr.upload.addEventListener("progress", function (event) {
      if (bar && event.lengthComputable) bar.value = Math.round((event.loaded / event.total) * 100);
    });
    xhr.addEventListener("load", function () {
      if (xhr.status >= 500) failed(form, button, item);
      else showAnswer(xhr);
    });
    xhr.addEventListener("error", function () { failed(form, button, item); });
    xhr.send(new FormData(form, button && button.name ? button : undefined));
  }

  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    input.addEventListener("change", function () { checkFiles(input); });
  });

  document.querySelectorAll("form[data-sends-once]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.sending) {
        event.preventDefault();
        return;
      }
      var button = event.submitter;
      if (button && button.classList.contains("visually-hidden")) button = null;
      var main = button || form.querySelector("[data-busy-label]");
      setBusy(form, main, true);
      var background = form.hasAttribute("data-reply-form") || uploadSize(form) >= LARGE_UPLOAD_BYTES;
      if (background && window.FormData && window.XMLHttpRequest) {
        event.preventDefault();
        sendInBackground(form, button);
      }
    });
  });

  // Back to a page kept by the browser's cache: its forms may be sent again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("form[data-sending]").forEach(function (form) {
      setBusy(form, form.querySelector("[aria-busy=true]"), false);
    });
  });
})();
