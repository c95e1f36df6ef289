// bot — enhances the chat and search forms and the summary switches (which all work without
// JavaScript) and the article view.
// Corpus text and questions are only ever inserted with textContent / DOM nodes, never as HTML.
"use strict";

(function () {
  const STORE = "bot.conversation";
  const HISTORY_TURNS = 20;
  // The interface strings of the page's language (web/strings.json, chosen by the server).
  const T = JSON.parse(document.getElementById("ui-strings").textContent);
  const docsData = document.getElementById("documents-data");
  const DOC_LANGS = docsData ? JSON.parse(docsData.textContent) : {};

  // fill("{n} passages", {n: 3}) — a string of T with its {placeholders} filled in.
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  // As direction() in bot/lang.py: the languages written right to left.
  const RTL = new Set(["ar", "fa", "he", "ur"]);

  // el("p", {class: "x"}, "text", child) — text arguments become text nodes; an element given a
  // lang gets its dir too, as lang_attrs() gives it in the templates.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
    }
    if (node.hasAttribute("lang")) node.setAttribute("dir", RTL.has(node.lang) ? "rtl" : "ltr");
    for (const child of children) {
      if (child !== null && child !== undefined) {
        node.append(typeof child === "string" ? document.createTextNode(child) : child);
      }
    }
    return node;
  }

  // As passage_url() and cite_url() in bot/web.py.
  function passageUrl(p, lang) {
    const query = new URLSearchParams({ passage: p.passage_id });
    if (p.span) query.set("span", p.span[0] + "-" + p.span[1]);
    if (lang) query.set("lang", lang);
    return "/article?" + query + "#cited";
  }

  // A citation opens the edition the answer quotes, when there is one.
  function citeUrl(c) {
    return c.edition ? passageUrl(c.edition, c.edition.lang) : passageUrl(c);
  }

  // As lang_of() in bot/web.py: a passage id is "<doc id>-<hash>".
  function langOf(passageId) {
    const docs = Object.keys(DOC_LANGS).filter((doc) => passageId.startsWith(doc + "-"));
    return docs.length ? DOC_LANGS[docs.reduce((a, b) => (b.length > a.length ? b : a))] : "";
  }

  function sectionOf(c) {
    return (c.edition || c).section;
  }

  function chip(c, label) {
    const where = sectionOf(c);
    return el("a", { class: "chip", href: citeUrl(c), title: where || null,
      "aria-label": label + " " + c.n + (where ? ": " + where : "") }, String(c.n));
  }

  // Spans count Unicode code points (Python's str), not UTF-16 units as JavaScript strings do.
  function cut(chars, start, end) {
    return chars.slice(start, end).join("");
  }

  // The text with [start, end) spans wrapped in <mark>.
  function marked(text, spans, lang) {
    const p = el("p", { class: "passage-text", lang: lang || null });
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
    return el("span", { class: "section" }, sectionOf(c) || T.article);
  }

  function score(value) {
    return el("span", { class: "score", title: T.score }, value.toFixed(3));
  }

  // As quoted() in web/templates/_passage.html: the edition the reader reads, and a toggle to
  // the aligned source passage (its own sentences highlighted).
  function quoted(source, edition) {
    const lang = langOf(source.passage_id);
    if (!edition) return [marked(source.text, source.spans, lang)];
    const original = el("details", { class: "original" },
      el("summary", {}, fill(T.original, { lang: T.languages[lang] || lang })),
      marked(source.text, source.spans, lang),
      el("a", { class: "open", href: passageUrl(source) }, T.open_original));
    return [marked(edition.text, [edition.span], edition.lang), original];
  }

  // As summary_list() in web/templates/_points.html: the lead (if any), then one point a line,
  // each with its chip.
  function summaryList(lead, points, lang) {
    const list = el("ul", { class: "points", lang: lang || null });
    for (const [text, c] of points) {
      list.append(el("li", {}, el("span", { class: "point-text" }, text), " ", chip(c, T.source)));
    }
    return lead ? [el("p", { class: "lead" }, lead), list] : [list];
  }

  // As summary_points() in bot/web.py: a summary answer's lead and its points, one a line, each
  // ending with its marker " [n]".
  function summaryPoints(a) {
    const byN = new Map(a.citations.map((c) => [c.n, c]));
    const lead = [];
    const points = [];
    for (const line of a.answer.split("\n").map((l) => l.trim())) {
      const point = /^(.*?)\s*\[(\d+)\]$/s.exec(line);
      if (point && byN.has(Number(point[2]))) points.push([point[1], byN.get(Number(point[2]))]);
      else if (line) lead.push(line);
    }
    return [lead.join(" "), points];
  }

  // As numbered() in bot/web.py: the points of a /api/summary object, numbered 1..N.
  function numbered(summary) {
    return summary.points.filter((p) => p.citations.length).map((p, i) =>
      [p.text.replace(/\s*\[\d+\]$/, ""), { ...p.citations[0], n: i + 1 }]);
  }

  // --- header -----------------------------------------------------------------------------

  // The interface-language menu closes on a click or Escape elsewhere, as menus do.
  const menu = document.querySelector(".ui-switch");
  if (menu) {
    document.addEventListener("click", (event) => {
      if (!menu.contains(event.target)) menu.open = false;
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
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
    const tools = document.getElementById("chat-tools");
    const initial = document.getElementById("conversation-data");
    let messages = initial ? JSON.parse(initial.textContent) : [];
    let busy = false;

    function renderUser(text) {
      return el("article", { class: "msg msg-user" }, el("p", { class: "msg-text" }, text));
    }

    // What the message asked for drives how the reply looks (an answer from before `kind`
    // existed is an answer or not found).
    function kindOf(a) {
      return a.kind || (a.answered ? "answer" : "not_found");
    }

    function renderAnswer(a) {
      const kind = kindOf(a);
      const names = { answer: "answered", not_found: "abstained" };
      const unsure = a.unsure ? " unsure" : "";
      const msg = el("article", { class: "msg msg-bot " + (names[kind] || kind) + unsure, "data-kind": kind });
      if (kind === "summary") {
        const [lead, points] = summaryPoints(a);
        msg.append(el("p", { class: "msg-label" },
          el("span", { class: "badge badge-summary" }, T.summary)),
        ...summaryList(lead, points, a.answer_lang || a.lang));
      } else if (kind === "comparison") {
        // As the comparison block of web/templates/_message.html: a column per city, then the
        // article's sentences that rank the two, if any; the lead is what is neither a point
        // nor a column's label (as comparison_lead() in bot/web.py).
        const labels = new Set((a.sides || []).map((side) => side.label + ":"));
        const [lead, points] = summaryPoints({
          ...a, answer: a.answer.split("\n").filter((l) => !labels.has(l.trim())).join("\n") });
        const byN = new Map(points.map(([text, c]) => [c.n, [text, c]]));
        const lang = a.answer_lang || a.lang;
        const grid = el("div", { class: "compare", lang: lang || null });
        msg.append(el("p", { class: "msg-label" },
          el("span", { class: "badge badge-summary" }, T.comparison)));
        if (lead) msg.append(el("p", { class: "lead" }, lead));
        msg.append(grid);
        for (const side of a.sides || []) {
          const cited = side.citations.filter((n) => byN.has(n)).map((n) => byN.get(n));
          const list = el("ul", { class: "points" });
          for (const [text, c] of cited) {
            list.append(el("li", {}, el("span", { class: "point-text" }, text), " ", chip(c, T.source)));
          }
          if (side.side === "verdict") {
            msg.append(el("section", { class: "verdict", "data-side": "verdict", lang: lang || null },
              el("h3", {}, side.label), list));
            continue;
          }
          grid.append(el("section", { class: "compare-side", "data-side": side.side },
            el("h3", {}, side.label), list));
        }
      } else if (kind === "smalltalk") {
        msg.append(el("p", { class: "msg-text", lang: a.answer_lang || a.lang }, a.answer));
      } else if (kind === "answer") {
        // As chips() in bot/web.py: a marker is looked for after its cited sentence.
        const text = el("p", { class: "msg-text", lang: a.answer_lang || a.lang });
        let cursor = 0;
        for (const c of [...a.citations].sort((x, y) => x.n - y.n)) {
          const q = c.edition || c;
          const sentence = cut(Array.from(q.text), q.span[0], q.span[1]);
          const quoted = a.answer.indexOf(sentence, cursor);
          const at = a.answer.indexOf("[" + c.n + "]", quoted < 0 ? cursor : quoted + sentence.length);
          if (at < 0) continue;
          text.append(a.answer.slice(cursor, at).trimEnd(), chip(c, T.source));
          cursor = at + String(c.n).length + 2;
        }
        text.append(a.answer.slice(cursor));
        const sources = el("ol", { class: "sources", "aria-label": T.sources });
        for (const c of a.citations) sources.append(el("li", {}, chip(c, T.source), " ", section(c)));
        msg.append(text, sources);
      } else {
        msg.append(el("p", { class: "msg-text" },
          el("span", { class: "badge badge-info" }, T.not_in_article), " ",
          el("span", { lang: a.answer_lang || a.lang }, a.answer)));
        if (a.citations.length) {
          const nearest = el("ol", { class: "nearest" });
          for (const c of a.citations) {
            nearest.append(el("li", {}, el("a", { href: citeUrl(c) }, sectionOf(c) || T.article),
              " ", score(c.score)));
          }
          msg.append(el("p", { class: "nearest-label" }, T.nearest), nearest);
        }
      }
      return msg;
    }

    function renderEvidence(a) {
      evidenceTitle.textContent = a && !a.answered ? T.nearest : T.evidence;
      evidenceList.replaceChildren();
      evidenceEmpty.hidden = Boolean(a && a.citations.length);
      if (!a) return;
      for (const c of a.citations) {
        evidenceList.append(el("li", { class: "evidence-item" },
          el("div", { class: "evidence-head" }, chip(c, T.open_source), " ", section(c), " ",
            score(c.score)),
          ...quoted({ passage_id: c.passage_id, text: c.text, spans: [c.span], span: c.span },
            c.edition),
          el("a", { class: "open", href: citeUrl(c) }, T.open_article)));
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
      tools.hidden = messages.length === 0;
    }

    // Scroll so the start of `node` shows above the question bar, which sticks to the bottom:
    // a reply that fits is shown whole (with what came before it), a longer one from its start.
    function reveal(node, smooth) {
      const room = form.getBoundingClientRect().top;
      const box = node.getBoundingClientRect();
      const margin = parseFloat(getComputedStyle(node).scrollMarginTop) || 0;
      const toStart = box.top - margin;
      const by = box.bottom > room ? Math.min(box.bottom - room + margin, toStart)
        : Math.min(toStart, 0);
      const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      if (by) window.scrollBy({ top: by, behavior: smooth && !still ? "smooth" : "auto" });
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
      tools.hidden = false;
      conversation.querySelectorAll(".msg-error").forEach((node) => node.remove());
      const body = { question: question, history: history() };
      if (lang.value) body.lang = lang.value;
      const asked = renderUser(question);
      conversation.append(asked);
      const loading = el("article", { class: "msg msg-bot msg-loading", role: "status" },
        el("span", { class: "spinner", "aria-hidden": "true" }), T.loading);
      conversation.append(loading);
      reveal(loading, true);
      try {
        const response = await fetch("/api/answer", {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify(body),
        });
        const data = await response.json().catch(() => ({}));
        if (!response.ok) throw new Error(data.error || fill(T.server_answered, { status: response.status }));
        messages.push({ role: "user", content: question }, { role: "assistant", answer: data });
        save();
        const reply = renderAnswer(data);
        loading.replaceWith(reply);
        renderEvidence(data);
        input.value = "";
        rememberInUrl(question);
        button.disabled = false;
        input.focus({ preventScroll: true });
        reveal(reply, true);
      } catch (error) {
        const message = error instanceof TypeError ? T.unreachable : error.message;
        const retry = el("button", { type: "button", class: "retry" }, T.retry);
        const failed = el("article", { class: "msg msg-error", role: "alert" },
          el("p", { class: "msg-text" }, el("span", { class: "badge badge-error" }, T.error),
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
    const params = new URLSearchParams(window.location.search);
    const asksSummary = params.has("scope") || params.has("length"); // a summary link: start anew
    const fresh = params.has("new"); // "New conversation", the logo and the Chat link
    if (stored.length && !fresh && (pageQuestion === null
      ? !asksSummary && !conversation.querySelector(".msg-error")
      : storedLast && storedLast.content === pageQuestion)) {
      messages = stored;
      renderAll();
      const replies = conversation.querySelectorAll(".msg-bot");
      if (replies.length) reveal(replies[replies.length - 1], false);
    } else {
      save();
    }
    if (fresh) { // a reload keeps what is asked next
      params.delete("new");
      const rest = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (rest ? "?" + rest : ""));
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

  // --- the summary on the empty chat -------------------------------------------------------

  // Its scope and length links are fetched from /api/summary instead of reloading the page.
  const card = document.getElementById("summary");
  if (card) {
    const title = document.getElementById("summary-title");
    const body = document.getElementById("summary-body");
    const scopes = Array.from(card.querySelectorAll("a[data-scope]"));
    const lengths = Array.from(card.querySelectorAll("a[data-length]"));
    const chosen = (links) => (links.find((a) => a.hasAttribute("aria-current")) || links[0]);
    const state = { scope: chosen(scopes).dataset.scope, length: chosen(lengths).dataset.length };
    let pending = null;

    const link = (scope, length) => "/?" + new URLSearchParams({ scope: scope, length: length });
    const mark = (a, on) => (on ? a.setAttribute("aria-current", "true")
      : a.removeAttribute("aria-current"));

    async function show(scope, length) {
      if (pending) pending.abort();
      const request = new AbortController();
      pending = request;
      card.setAttribute("aria-busy", "true");
      const query = new URLSearchParams({ lang: card.dataset.lang, scope: scope, length: length });
      try {
        const response = await fetch("/api/summary?" + query,
          { headers: { Accept: "application/json" }, signal: request.signal });
        const data = await response.json().catch(() => ({}));
        if (!response.ok) throw new Error(data.error || fill(T.server_answered, { status: response.status }));
        Object.assign(state, { scope: scope, length: length });
        title.textContent = data.title;
        title.setAttribute("lang", data.answer_lang);
        title.setAttribute("dir", RTL.has(data.answer_lang) ? "rtl" : "ltr");
        const points = numbered(data);
        body.replaceChildren(...(points.length ? summaryList(data.lead, points, data.answer_lang)
          : [el("p", { class: "muted" }, T.summary_none)]));
        for (const a of scopes) {
          a.href = link(a.dataset.scope, length);
          mark(a, a.dataset.scope === scope);
        }
        for (const a of lengths) {
          a.href = link(scope, a.dataset.length);
          mark(a, a.dataset.length === length);
        }
        window.history.replaceState(null, "", link(scope, length));
        // Another interface language shows the same part at the same length.
        for (const a of document.querySelectorAll(".ui-switch a[hreflang]")) {
          a.href = link(scope, length) + "&ui=" + a.hreflang;
        }
      } catch (error) {
        if (error.name === "AbortError") return;
        body.replaceChildren(el("p", { class: "msg-error", role: "alert" },
          el("span", { class: "badge badge-error" }, T.error), " ",
          error instanceof TypeError ? T.unreachable : error.message));
      } finally {
        if (pending === request) {
          pending = null;
          card.removeAttribute("aria-busy");
        }
      }
    }

    card.addEventListener("click", (event) => {
      const a = event.target.closest("a[data-scope], a[data-length]");
      // A modified click (new tab, new window) follows the link as it is.
      if (!a || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      show(a.dataset.scope || state.scope, a.dataset.length || state.length);
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
      status.textContent = T.searching;
      results.replaceChildren();
      try {
        const response = await fetch("/api/search?k=5&q=" + encodeURIComponent(q),
          { headers: { Accept: "application/json" } });
        const data = await response.json().catch(() => ({}));
        if (!response.ok) throw new Error(data.error || fill(T.server_answered, { status: response.status }));
        status.textContent = fill(T.results, { n: data.results.length });
        for (const r of data.results) {
          results.append(el("li", { class: "result" },
            el("div", { class: "evidence-head" }, section(r), " ", score(r.score)),
            ...quoted({ passage_id: r.passage_id, text: r.text, spans: r.highlights }, r.edition),
            el("a", { class: "open", href: r.edition ? passageUrl(r.edition, r.edition.lang)
              : passageUrl(r) }, T.open_article)));
        }
      } catch (error) {
        status.textContent = error instanceof TypeError ? T.unreachable : error.message;
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
