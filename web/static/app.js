// bot — enhances the chat and search forms (which work without JavaScript) and the article view.
// Corpus text and questions are only ever inserted with textContent / DOM nodes, never as HTML.
"use strict";

(function () {
  const STORE = "bot.conversation";
  const HISTORY_TURNS = 20;

  // el("p", {class: "x"}, "text", child) — text arguments become text nodes.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined) {
        node.append(typeof child === "string" ? document.createTextNode(child) : child);
      }
    }
    return node;
  }

  function citeUrl(c) {
    return "/article?passage=" + encodeURIComponent(c.passage_id) +
      "&span=" + c.span[0] + "-" + c.span[1] + "#cited";
  }

  function chip(c, label) {
    return el("a", { class: "chip", href: citeUrl(c), title: c.section || null,
      "aria-label": label + " " + c.n + (c.section ? ": " + c.section : "") }, String(c.n));
  }

  // Spans count Unicode code points (Python's str), not UTF-16 units as JavaScript strings do.
  function cut(chars, start, end) {
    return chars.slice(start, end).join("");
  }

  // The text with [start, end) spans wrapped in <mark>.
  function marked(text, spans) {
    const p = el("p", { class: "passage-text" });
    const chars = Array.from(text);
    let cursor = 0;
    for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
      const from = Math.max(start, cursor);
      if (from >= end) continue;
      p.append(cut(chars, cursor, from), el("mark", {}, cut(chars, from, end)));
      cursor = end;
    }
    p.append(cut(chars, cursor));
    return p;
  }

  function section(c) {
    return el("span", { class: "section" }, c.section || "Article");
  }

  function score(value) {
    return el("span", { class: "score", title: "retrieval score" }, value.toFixed(3));
  }

  // --- chat -------------------------------------------------------------------------------

  const form = document.getElementById("ask");
  if (form) {
    const input = form.querySelector("input[name=q]");
    const lang = form.querySelector("select[name=lang]");
    const button = form.querySelector("button");
    const conversation = document.getElementById("conversation");
    const empty = document.getElementById("empty-state");
    const evidenceTitle = document.getElementById("evidence-title");
    const evidenceList = document.getElementById("evidence-list");
    const evidenceEmpty = document.getElementById("evidence-empty");
    const initial = document.getElementById("conversation-data");
    let messages = initial ? JSON.parse(initial.textContent) : [];
    let busy = false;

    function renderUser(text) {
      return el("article", { class: "msg msg-user" }, el("p", { class: "msg-text" }, text));
    }

    function renderAnswer(a) {
      const msg = el("article", { class: "msg msg-bot " + (a.answered ? "answered" : "abstained"),
        lang: a.lang });
      if (a.answered) {
        // As chips() in bot/web.py: a marker is looked for after its cited sentence.
        const text = el("p", { class: "msg-text" });
        let cursor = 0;
        for (const c of [...a.citations].sort((x, y) => x.n - y.n)) {
          const sentence = cut(Array.from(c.text), c.span[0], c.span[1]);
          const quoted = a.answer.indexOf(sentence, cursor);
          const at = a.answer.indexOf("[" + c.n + "]", quoted < 0 ? cursor : quoted + sentence.length);
          if (at < 0) continue;
          text.append(a.answer.slice(cursor, at).trimEnd(), chip(c, "Source"));
          cursor = at + String(c.n).length + 2;
        }
        text.append(a.answer.slice(cursor));
        const sources = el("ol", { class: "sources", "aria-label": "Sources" });
        for (const c of a.citations) sources.append(el("li", {}, chip(c, "Source"), " ", section(c)));
        msg.append(text, sources);
      } else {
        msg.append(el("p", { class: "msg-text" },
          el("span", { class: "badge badge-info" }, "Not in the article"), " " + a.answer));
        if (a.citations.length) {
          const nearest = el("ol", { class: "nearest" });
          for (const c of a.citations) {
            nearest.append(el("li", {}, el("a", { href: citeUrl(c) }, c.section || "Article"),
              " ", score(c.score)));
          }
          msg.append(el("p", { class: "nearest-label" }, "Nearest passages — not an answer"), nearest);
        }
      }
      return msg;
    }

    function renderEvidence(a) {
      evidenceTitle.textContent = a && !a.answered ? "Nearest passages — not an answer" : "Evidence";
      evidenceList.replaceChildren();
      evidenceEmpty.hidden = Boolean(a);
      if (!a) return;
      for (const c of a.citations) {
        evidenceList.append(el("li", { class: "evidence-item" },
          el("div", { class: "evidence-head" }, chip(c, "Open source"), " ", section(c), " ",
            score(c.score)),
          marked(c.text, [c.span]),
          el("a", { class: "open", href: citeUrl(c) }, "Open in the article →")));
      }
    }

    function renderAll() {
      conversation.querySelectorAll(".msg").forEach((node) => node.remove());
      for (const m of messages) {
        conversation.append(m.role === "user" ? renderUser(m.content) : renderAnswer(m.answer));
      }
      const last = messages.filter((m) => m.role === "assistant").pop();
      renderEvidence(last ? last.answer : null);
      empty.hidden = messages.length > 0;
    }

    function save() {
      try {
        sessionStorage.setItem(STORE, JSON.stringify(messages.slice(-2 * HISTORY_TURNS)));
      } catch (error) {
        // Storage full or disabled: the conversation just does not survive a reload.
      }
    }

    function history() {
      return messages.slice(-HISTORY_TURNS).map((m) =>
        m.role === "user" ? { role: "user", content: m.content }
          : { role: "assistant", content: m.answer.answer });
    }

    async function ask(question) {
      if (busy || !question) return;
      busy = true;
      button.disabled = true;
      empty.hidden = true;
      conversation.querySelectorAll(".msg-error").forEach((node) => node.remove());
      const body = { question: question, history: history() };
      if (lang.value) body.lang = lang.value;
      const asked = renderUser(question);
      conversation.append(asked);
      const loading = el("article", { class: "msg msg-bot msg-loading", role: "status" },
        el("span", { class: "spinner", "aria-hidden": "true" }), "Searching the article…");
      conversation.append(loading);
      loading.scrollIntoView({ block: "nearest" });
      try {
        const response = await fetch("/api/answer", {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify(body),
        });
        const data = await response.json().catch(() => ({}));
        if (!response.ok) throw new Error(data.error || "The server answered " + response.status + ".");
        messages.push({ role: "user", content: question }, { role: "assistant", answer: data });
        save();
        loading.replaceWith(renderAnswer(data));
        renderEvidence(data);
        input.value = "";
        rememberInUrl(question);
        button.disabled = false;
        input.focus();
      } catch (error) {
        const message = error instanceof TypeError ? "Could not reach the server." : error.message;
        const retry = el("button", { type: "button", class: "retry" }, "Retry");
        const failed = el("article", { class: "msg msg-error", role: "alert" },
          el("p", { class: "msg-text" }, el("span", { class: "badge badge-error" }, "Error"),
            " " + message), retry);
        retry.addEventListener("click", () => {
          asked.remove();
          failed.remove();
          ask(question);
        });
        loading.replaceWith(failed);
        button.disabled = false;
        retry.focus();
      } finally {
        busy = false;
        button.disabled = false;
      }
    }

    function rememberInUrl(question) {
      const url = new URL(window.location.href);
      url.search = "?q=" + encodeURIComponent(question);
      window.history.replaceState(null, "", url.pathname + url.search);
    }

    // Back from an article: restore the conversation this tab had, if it ends with this page's q.
    let stored = [];
    try {
      stored = JSON.parse(sessionStorage.getItem(STORE) || "[]");
    } catch (error) {
      stored = [];
    }
    const pageQuestion = messages.length ? messages[0].content : null;
    const storedLast = stored.filter((m) => m.role === "user").pop();
    if (stored.length && (pageQuestion === null ? !conversation.querySelector(".msg-error")
      : storedLast && storedLast.content === pageQuestion)) {
      messages = stored;
      renderAll();
    } else {
      save();
    }
    if (messages.length) input.select(); // /?q= pre-filled the box: typing starts a follow-up
    const hiddenPrev = form.querySelector("input[name=prev]");
    if (hiddenPrev) hiddenPrev.remove(); // JavaScript sends the whole history instead

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      ask(input.value.trim());
    });
    document.querySelectorAll(".example").forEach((link) => {
      link.addEventListener("click", (event) => {
        event.preventDefault();
        input.value = link.dataset.question;
        ask(link.dataset.question);
      });
    });
  }

  // --- passage search panel ---------------------------------------------------------------

  const searchForm = document.getElementById("search");
  const results = document.getElementById("search-results");
  if (searchForm && results) {
    const status = document.getElementById("search-status");
    searchForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const q = searchForm.querySelector("input[name=q]").value.trim();
      if (!q) return;
      status.textContent = "Searching…";
      results.replaceChildren();
      try {
        const response = await fetch("/api/search?k=5&q=" + encodeURIComponent(q),
          { headers: { Accept: "application/json" } });
        const data = await response.json().catch(() => ({}));
        if (!response.ok) throw new Error(data.error || "The server answered " + response.status + ".");
        status.textContent = data.results.length + " passages, best first.";
        for (const r of data.results) {
          results.append(el("li", { class: "result" },
            el("div", { class: "evidence-head" }, section(r), " ", score(r.score)),
            marked(r.text, r.highlights),
            el("a", { class: "open", href: "/article?passage=" + encodeURIComponent(r.passage_id) +
              "#cited" }, "Open in the article →")));
        }
      } catch (error) {
        status.textContent = error instanceof TypeError ? "Could not reach the server." : error.message;
      }
    });
  }

  // --- article view -----------------------------------------------------------------------

  const cited = document.getElementById("cited");
  if (cited && document.body.classList.contains("page-article")) {
    cited.scrollIntoView({ block: "center" });
    cited.focus({ preventScroll: true });
  }
  const back = document.querySelector("[data-back]");
  if (back && document.referrer.startsWith(window.location.origin + "/") && window.history.length > 1) {
    back.addEventListener("click", (event) => {
      event.preventDefault();
      window.history.back();
    });
  }
})();
