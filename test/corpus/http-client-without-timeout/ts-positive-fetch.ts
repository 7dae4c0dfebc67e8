// expect: http-client-without-timeout@8, http-client-without-timeout@14
export interface ExchangeRates {
  base: string;
  rates: Record<string, number>;
}

export async function getRates(base: string): Promise<ExchangeRates> {
  const response = await fetch(`https://rates.example.com/latest?base=${base}`);
  if (!response.ok) throw new Error(`Failed to load exchange rates for ${base}: ${response.status}`);
  return (await response.json()) as ExchangeRates;
}

export async function notify(webhookUrl: string, payload: unknown) {
  await fetch(webhookUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
  });
}
