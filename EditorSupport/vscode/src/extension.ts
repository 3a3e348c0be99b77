// VS Code client for the jixiao language server (`jixiao lsp`, LSP over stdio).
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

/** initializationOptions sent to the server, from the jixiao.* settings. */
function initializationOptions(): { profile?: string; language: string } {
  const config = vscode.workspace.getConfiguration("jixiao");
  const profile = config.get<string>("profile", "auto");
  return {
    ...(profile && profile !== "auto" ? { profile } : {}),
    language: config.get<string>("language", "zh"),
  };
}

function createClient(): LanguageClient {
  const command = vscode.workspace.getConfiguration("jixiao").get<string>("server.path", "jixiao") || "jixiao";
  const serverOptions: ServerOptions = {
    run: { command, args: ["lsp"], transport: TransportKind.stdio },
    debug: { command, args: ["lsp"], transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "jixiao" },
      { scheme: "untitled", language: "jixiao" },
    ],
    initializationOptions: initializationOptions(),
  };
  return new LanguageClient("jixiao", "Jixiao", serverOptions, clientOptions);
}

async function restart(): Promise<void> {
  if (client) {
    await client.stop();
  }
  client = createClient();
  await client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("jixiao.restartServer", restart),
    // the settings travel as initializationOptions, so a change needs a new server
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("jixiao")) {
        await restart();
      }
    }),
  );
  await restart();
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
    client = undefined;
  }
}
