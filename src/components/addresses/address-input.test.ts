// The address input's server-drawn markup: the ARIA combobox pattern (the
// input names its listbox, the list is hidden until there are suggestions),
// the form field's name and value, the hint for screen readers.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import type { AppRouter } from "@/server/trpc/root";
import { TRPCProvider } from "@/trpc/react";
import { MessagesProvider } from "../messages-provider";
import { AddressInput } from "./address-input";

function render(locale: "ru" | "en") {
  const queryClient = new QueryClient();
  const trpcClient = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "http://localhost/api/trpc", transformer: superjson })] });
  const input = createElement(AddressInput, { id: "addr", name: "registrationAddress", defaultValue: "г. Заречный", describedBy: "addr-error" });
  const messages = createElement(MessagesProvider, { locale, children: input });
  const trpc = createElement(TRPCProvider, { queryClient, trpcClient, children: messages });
  return renderToStaticMarkup(createElement(QueryClientProvider, { client: queryClient, children: trpc }));
}

describe("AddressInput", () => {
  it("draws a combobox that names its hidden listbox", () => {
    const html = render("ru");
    expect(html).toMatch(/<input[^>]*role="combobox"/);
    expect(html).toContain('aria-autocomplete="list"');
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('name="registrationAddress"');
    expect(html).toContain('value="г. Заречный"');
    const controls = html.match(/aria-controls="([^"]+)"/)![1];
    expect(html).toMatch(new RegExp(`<ul id="${controls}" role="listbox" aria-label="Подсказки адресов из ГАР" hidden`));
    expect(html).toMatch(/aria-describedby="addr-error [^"]+"/);
    expect(html).toContain("Начните вводить населённый пункт");
  });

  it("speaks English in the English catalogue", () => {
    expect(render("en")).toContain('aria-label="Address suggestions from GAR"');
  });
});
