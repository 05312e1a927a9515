package dev.dockfit.sample;

import java.util.List;
import java.util.stream.Collectors;

public final class Hello {
    public static void main(String[] args) {
        List<String> words = List.of("small", "safe", "cache-friendly");
        System.out.println("java: " + words.stream().map(String::toUpperCase).collect(Collectors.joining(",")));
    }
}
