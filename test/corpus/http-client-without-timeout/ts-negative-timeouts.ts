// expect: none
import axios from "axios";

const api = axios.create({ baseURL: "https://api.example.com", timeout: 5000 });

export async function getRates(base: string) {
  const response = await fetch(`https://rates.example.com/latest?base=${base}`, { signal: AbortSignal.timeout(3000) });
  return response.json();
}

export async function createIssue(title: string, options: { headers: Record<string, string> }) {
  const { data } = await axios.post("https://api.example.com/issues", { title }, { timeout: 10_000, ...options });
  const profile = await api.get("/me");
  return { data, profile: profile.data };
}
