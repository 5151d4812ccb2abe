package jp.bousai.relay.server; public class Main { public static void main(String[] a) {} }
